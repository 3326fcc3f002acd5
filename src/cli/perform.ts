/**
 * Does a simulation job (job.ts). Runs in the worker; tests call it in-process through `simulateHere`.
 */
import { runProgram } from '../sim/run/index';
import { abiReport } from './abi-report';
import { simEvidence } from './evidence';
import type { HostOutcome, Job, JobResult } from './job';

type Handlers = { [K in Job['kind']]: (job: Extract<Job, { kind: K }>) => JobResult };

const HANDLERS: Handlers = {
  run: (job) => {
    // Without --evidence the JSON is the summary: the same run, without recording a trace nobody
    // will scrub. With it, the trace is recorded and read for the evidence, then dropped.
    if (job.evidence !== true)
      return { kind: 'run', summary: runProgram({ ...job.input, record: 'summary' }).summary };
    const result = runProgram({ ...job.input, record: 'trace' });
    return {
      kind: 'run',
      summary: result.summary,
      evidence: result.trace ? simEvidence(result.trace) : undefined,
    };
  },
  abi: (job) => {
    const report = abiReport(job.source, job.file, job.target);
    for (const d of report.diagnostics) if (d.file === '') d.file = job.file;
    return { kind: 'abi', report };
  },
};

export function performJob(job: Job): JobResult {
  return (HANDLERS[job.kind] as (j: Job) => JobResult)(job);
}

/** The job on this thread, without the worker's limits (for in-process tests). */
export function simulateHere(job: Job): Promise<HostOutcome> {
  return Promise.resolve({ kind: 'done', result: performJob(job) });
}
