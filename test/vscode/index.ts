// Placeholder runner; the harness work replaces it.
export async function run(): Promise<void> {}
