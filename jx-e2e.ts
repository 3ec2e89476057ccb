import { measureEndToEnd } from './bench/ingest-e2e.ts';
import { stopAll } from './bench/processes.ts';
const r = await measureEndToEnd();
console.log(process.env.BENCH_GATEWAY_NODE_OPTIONS, 'ready', r.readyRssMb.toFixed(0), 'peak', r.peakRssMb.toFixed(0), 'secs', r.seconds.toFixed(1), 'cpu', r.gatewayCpuSeconds.toFixed(1));
await stopAll();
process.exit(0);
