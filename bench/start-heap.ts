/**
 * The heap cap `npm start` and `npm run worker` give Node (`PAUSE_HEAP_MB`, default 256), so
 * the benchmark can run the gateway as they do. Keep in step with package.json.
 */
export const START_HEAP_MB = Number(process.env.PAUSE_HEAP_MB || 256);
export const START_HEAP_OPTION = `--max-old-space-size=${START_HEAP_MB}`;
