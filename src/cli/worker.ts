/**
 * The simulation worker's entry: does the one job it was started with and posts the result. Its
 * heap and its time are capped by the thread that started it (worker-host.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Job } from './job';
import { performJob } from './perform';

parentPort?.postMessage(performJob(workerData as Job));
