import { stopContainers } from './containers';

/** Stops the containers a lone `nx int-test x` started in its global setup (none with the local servers). */
export default async function stopTestContainers(): Promise<void> {
  await stopContainers();
}
