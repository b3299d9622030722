/**
 * Positions that move in O(1). Every node of our tree keeps its offsets relative to an `Origin`
 * (the chunk of text it was parsed from); `start`/`end` add the origin's current base. When an
 * edit moves a chunk, only its origin's base changes: the nodes, and any memoised finding
 * anchored to the same origin, are at their new offsets without being touched.
 */
import type { Span } from '../text/span';
import type { ScalarStyle, YAlias, YMap, YNode, YPair, YScalar, YSeq } from './yaml-tree';

/** Where a chunk of text starts in the document, updated when the chunk moves. */
export interface Origin {
  base: number;
}

/** A span relative to an origin: `start`/`end` follow the origin when it moves. */
export class LiveSpan implements Span {
  constructor(
    readonly origin: Origin,
    private readonly relativeStart: number,
    private readonly relativeEnd: number,
  ) {}

  get start(): number {
    return this.origin.base + this.relativeStart;
  }

  get end(): number {
    return this.origin.base + this.relativeEnd;
  }
}

/** The chunk a live span's offsets follow (undefined for plain numbers). */
export function spanOrigin(span: Span): Origin | undefined {
  return span instanceof LiveSpan || span instanceof Positioned ? span.origin : undefined;
}

/** True when a span's offsets follow their chunk (a node or a LiveSpan), false for plain numbers. */
export function isLive(span: Span): boolean {
  return span instanceof LiveSpan || span instanceof Positioned;
}

/**
 * A span that follows `origin` from now on: live spans are kept as they are, plain ones are
 * re-expressed relative to the origin (they must lie in its chunk, as memoised findings do).
 */
export function anchored(span: Span, origin: Origin): Span {
  return isLive(span) ? span : new LiveSpan(origin, span.start - origin.base, span.end - origin.base);
}

/** A plain copy with today's offsets (what leaves the core: findings, ranges). */
export function snapshot(span: Span): Span {
  return { start: span.start, end: span.end };
}

/** The chunk a node of our tree was parsed from (its offsets follow that origin). */
export function originOf(node: YNode): Origin | undefined {
  return node instanceof Positioned ? node.origin : undefined;
}

abstract class Positioned {
  constructor(
    readonly origin: Origin,
    private readonly relativeStart: number,
    private readonly relativeEnd: number,
  ) {}

  get start(): number {
    return this.origin.base + this.relativeStart;
  }

  get end(): number {
    return this.origin.base + this.relativeEnd;
  }
}

export class ScalarNode extends Positioned implements YScalar {
  readonly kind = 'scalar' as const;
  declare anchor?: string;
  declare tag?: string;
  constructor(
    origin: Origin,
    start: number,
    end: number,
    public value: unknown,
    readonly style: ScalarStyle,
  ) {
    super(origin, start, end);
  }
}

export class MapNode extends Positioned implements YMap {
  readonly kind = 'map' as const;
  declare anchor?: string;
  declare tag?: string;
  constructor(
    origin: Origin,
    start: number,
    end: number,
    readonly pairs: YPair[],
    readonly flow: boolean,
  ) {
    super(origin, start, end);
  }
}

export class SeqNode extends Positioned implements YSeq {
  readonly kind = 'seq' as const;
  declare anchor?: string;
  declare tag?: string;
  constructor(
    origin: Origin,
    start: number,
    end: number,
    readonly items: YNode[],
    readonly flow: boolean,
  ) {
    super(origin, start, end);
  }
}

export class AliasNode extends Positioned implements YAlias {
  readonly kind = 'alias' as const;
  declare anchor?: string;
  declare tag?: string;
  target: YNode | null = null;
  constructor(
    origin: Origin,
    start: number,
    end: number,
    readonly name: string,
  ) {
    super(origin, start, end);
  }
}

export class PairNode extends Positioned implements YPair {
  constructor(
    origin: Origin,
    start: number,
    end: number,
    readonly key: YNode | null,
    readonly value: YNode | null,
  ) {
    super(origin, start, end);
  }
}
