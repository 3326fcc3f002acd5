/**
 * A map for the handful of variables of one call frame. A frame is made on every call; a `Map`
 * allocates a hash table each time, while a frame of a few variables is searched as fast in two
 * short arrays that cost nothing until the first variable.
 */
export class SmallMap<K, V> {
  private keys: K[] | null = null;
  private vals: V[] | null = null;

  get(k: K): V | undefined {
    const keys = this.keys;
    if (keys === null) return undefined;
    for (let i = keys.length - 1; i >= 0; i--) if (keys[i] === k) return (this.vals as V[])[i];
    return undefined;
  }

  set(k: K, v: V): void {
    const keys = (this.keys ??= []);
    const vals = (this.vals ??= []);
    for (let i = keys.length - 1; i >= 0; i--) {
      if (keys[i] === k) {
        vals[i] = v;
        return;
      }
    }
    keys.push(k);
    vals.push(v);
  }

  delete(k: K): void {
    const keys = this.keys;
    if (keys === null) return;
    const vals = this.vals as V[];
    for (let i = keys.length - 1; i >= 0; i--) {
      if (keys[i] === k) {
        // Order does not matter: the last entry takes the freed place.
        const last = keys.length - 1;
        keys[i] = keys[last] as K;
        vals[i] = vals[last] as V;
        keys.pop();
        vals.pop();
        return;
      }
    }
  }
}
