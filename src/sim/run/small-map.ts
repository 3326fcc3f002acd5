/**
 * A map for the handful of variables of one call frame. A frame is made on every call; a `Map`
 * allocates a hash table each time, while a frame of a few variables is searched as fast in one
 * short array of keys and values, allocated at its final size when the frame knows it.
 */
export class SmallMap<K, V> {
  /** Keys and values interleaved: [k0, v0, k1, v1, ...]; `n` pairs are in use. */
  private readonly kv: (K | V)[];
  private n = 0;

  /** `capacity`: how many entries to make room for at once (more still fit). */
  constructor(capacity = 0) {
    this.kv = capacity > 0 ? new Array<K | V>(capacity * 2) : [];
  }

  private find(k: K): number {
    const kv = this.kv;
    for (let i = (this.n - 1) * 2; i >= 0; i -= 2) if (kv[i] === k) return i;
    return -1;
  }

  get(k: K): V | undefined {
    const i = this.find(k);
    return i < 0 ? undefined : (this.kv[i + 1] as V);
  }

  set(k: K, v: V): void {
    const i = this.find(k);
    if (i >= 0) {
      this.kv[i + 1] = v;
      return;
    }
    const at = this.n * 2;
    this.kv[at] = k;
    this.kv[at + 1] = v;
    this.n++;
  }

  delete(k: K): void {
    const i = this.find(k);
    if (i < 0) return;
    // Order does not matter: the last pair takes the freed place.
    const last = (this.n - 1) * 2;
    this.kv[i] = this.kv[last] as K;
    this.kv[i + 1] = this.kv[last + 1] as V;
    this.kv[last] = undefined as K;
    this.kv[last + 1] = undefined as V;
    this.n--;
  }
}
