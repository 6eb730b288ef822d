/** Maps UTF-16 offsets to 1-based line and column; the line table is built on first use. */
export class LineCounter {
  // Most files of a lint run have no finding: their line table is never needed.
  private table: number[] | undefined;

  constructor(private readonly text: string) {}

  private get starts(): number[] {
    if (this.table) return this.table;
    const starts = [0];
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    return (this.table = starts);
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  get lineCount(): number {
    return this.starts.length;
  }
}
