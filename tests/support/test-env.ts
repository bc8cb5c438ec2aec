/** The demo password the test databases are seeded with. */
export const TEST_PASSWORD = 'Demo#2026';
