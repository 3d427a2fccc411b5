/** A typed array that doubles when full, so appending one value per frame costs O(1). */
export function createColumn<T extends Float32Array | Uint8Array>(allocate: (length: number) => T) {
  let values = allocate(4096);
  let length = 0;
  return {
    push(value: number): void {
      if (length === values.length) {
        const grown = allocate(values.length * 2);
        grown.set(values);
        values = grown;
      }
      values[length++] = value;
    },
    /** A copy of the values pushed so far, exactly as long as their count. */
    values: (): T => values.slice(0, length) as T,
  };
}
