/** The parsed Onigmo pattern; options (i, m, x) are resolved into the nodes they apply to. */

export type TypeKind = 'w' | 'W' | 'd' | 'D' | 's' | 'S' | 'h' | 'H';

export type ClassItem =
  | { t: 'cp'; cp: number }
  | { t: 'range'; from: number; to: number }
  | { t: 'type'; k: TypeKind }
  /** A JS v-mode set expression (`\p{..}`, a nested class) Onigmo's name was mapped to. */
  | { t: 'prop'; js: string }
  | { t: 'nested'; cls: Cls };

/** `[...]`: the intersection (`&&`) of unions of items, negated as a whole. */
export interface Cls {
  neg: boolean;
  ands: ClassItem[][];
}

export type GroupKind = 'cap' | 'nc' | 'atomic' | 'la' | 'nla' | 'lb' | 'nlb';

export type Node =
  /** `run`: a plain literal, which Onigmo joins with its neighbours into one string node (matters for case folding). */
  | { t: 'char'; cp: number; ci: boolean; run: boolean }
  | { t: 'any'; dotall: boolean }
  | { t: 'class'; cls: Cls; ci: boolean }
  | { t: 'type'; k: TypeKind }
  | { t: 'anchor'; k: '^' | '$' | 'A' | 'z' | 'Z' | 'b' | 'B' }
  /** `options`: an option group `(?i:...)`, which Onigmo keeps as a node (look-behind rules); `n`: the provisional group number (in order of `(`), renumbered when the pattern has named groups. */
  | { t: 'group'; k: GroupKind; n?: number; name?: string; body: Node; options?: boolean }
  | { t: 'quant'; body: Node; min: number; max: number; mode: 'greedy' | 'lazy' | 'possessive' }
  /** A backreference by number (`\1`, `\k<1>`, `\k<-1>`) or by name; resolved to group numbers after parsing. */
  | { t: 'backref'; num?: number; name?: string; ci: boolean; groups: number[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'seq'; items: Node[] };
