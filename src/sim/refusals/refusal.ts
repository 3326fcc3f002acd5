/** One program the simulator refuses: where, what it says is not modelled, and what to write instead. */
export interface Refusal {
  name: string;
  source: string;
  /** `line:column` of the one diagnostic. */
  at: string;
  /** The construct, as the message names it before "is (are) not modelled by this simulator". */
  what: string;
  /** What to write instead, where the message says one. */
  instead?: string;
}
