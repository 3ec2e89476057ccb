/**
 * The heap cap a deployment gives the gateway (`PAUSE_HEAP_MB`, which `npm start` and
 * `npm run worker` pass to Node as `--max-old-space-size`), so the benchmark runs the
 * gateway as deployed next to the uncapped default. `npm start` leaves the heap uncapped
 * because its in-process sandboxes keep every stored Observation in memory.
 */
export const DEPLOYED_HEAP_MB = Number(process.env.PAUSE_HEAP_MB || 256);
export const DEPLOYED_HEAP_OPTION = `--max-old-space-size=${DEPLOYED_HEAP_MB}`;
