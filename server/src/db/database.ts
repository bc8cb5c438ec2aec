import type { Knex } from 'knex';

export type Engine = 'pglite' | 'postgres';

export interface Capabilities {
  /** ST_AsMVT / ST_AsMVTGeom work (PGlite's PostGIS is built without protobuf). */
  mvt: boolean;
  postgisVersion: string;
}

export interface Database {
  knex: Knex;
  engine: Engine;
  capabilities: Capabilities;
  /** Where the embedded data lives, or the server URL with the password masked. */
  location: string;
  close(): Promise<void>;
}
