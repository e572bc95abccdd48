import type { Type } from '@nestjs/common';
import { Field, Int, ObjectType, type ComplexityEstimatorArgs } from '@nestjs/graphql';

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/**
 * A Relay connection type for `node`. Its edge type is named `<Name>Edge`; subclasses
 * add their own fields (e.g. totalCount).
 */
export function Connection<T>(node: Type<T>, name: string): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field({ description: 'Opaque keyset cursor of this edge.' })
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [EdgeType])
    edges: Edge<T>[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return ConnectionType as Type<ConnectionShape<T>>;
}

/** Complexity of a list field whose length is bounded by its `first` argument. */
export function perItem(defaultFirst: number) {
  return ({ args, childComplexity }: ComplexityEstimatorArgs): number => {
    const first = typeof args.first === 'number' && args.first > 0 ? args.first : defaultFirst;
    return 1 + first * Math.max(childComplexity, 1);
  };
}

/** Complexity of a list field with a known typical length (no `first`). */
export function listOf(length: number) {
  return ({ childComplexity }: ComplexityEstimatorArgs): number => 1 + length * Math.max(childComplexity, 1);
}

@ObjectType({ description: 'A count of something by a key.' })
export class KeyCount {
  @Field()
  key: string;

  @Field(() => Int)
  count: number;
}
