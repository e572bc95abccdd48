// API key ids in answers (requestedBy, assessedBy, markedBy, liftedBy) go only to whom may see
// them (canSeeKeyId): every such field is declared with KeyIdField, one field middleware,
// instead of a check per resolver. Such an answer depends on the key itself, so the response
// cache keys it by the key id too (selectsKeyIds).
import { applyDecorators } from '@nestjs/common';
import { Extensions, Field, type FieldMiddleware } from '@nestjs/graphql';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { DashboardContext } from './graphql-context.js';
import { forEachField, fragmentsOf } from './limits/operation-tree.js';
import { canSeeKeyId } from './permissions.js';

const KEY_ID = 'keyId';

const keyIdVisibility: FieldMiddleware<unknown, DashboardContext> = async ({ context }, next) => {
  const keyId: unknown = await next();
  if (typeof keyId !== 'string') return null;
  return canSeeKeyId(context.principal, keyId) ? keyId : null;
};

/** A nullable String field holding an API key id, shown to that key and to ADMIN keys. */
export function KeyIdField(description: string): PropertyDecorator {
  return applyDecorators(
    Field(() => String, { nullable: true, description: `${description}, shown to that key and to ADMIN keys; null otherwise.`, middleware: [keyIdVisibility] }),
    Extensions({ [KEY_ID]: true }),
  );
}

const SELECTS = new WeakMap<DocumentNode, Map<string, boolean>>();

/** True when the operation selects a KeyIdField anywhere; remembered per parsed document. */
export function selectsKeyIds(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): boolean {
  let perOperation = SELECTS.get(document);
  if (!perOperation) SELECTS.set(document, (perOperation = new Map()));
  const name = operation.name?.value ?? '';
  let selects = perOperation.get(name);
  if (selects === undefined) {
    selects = false;
    forEachField(schema, operation, fragmentsOf(document), ({ field }) => {
      if (field.extensions?.[KEY_ID] === true) selects = true;
    });
    perOperation.set(name, selects);
  }
  return selects;
}
