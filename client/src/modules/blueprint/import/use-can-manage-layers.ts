import { useSession } from '../../../auth/use-session';

/** Importing into the shared layers needs `layers.manage`; everyone signed in may preview. */
export function useCanManageLayers(): boolean {
  return useSession().data?.permissions.includes('layers.manage') ?? false;
}
