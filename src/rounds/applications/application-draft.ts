// The draft of an application in its normal form, and the rules that need the round's
// rubric: criterion and item codes resolved to ids (codes "1①", "32" or ids "1.1.1.1",
// "4.15.32"), each criterion and item at most once, each file id a UUID at most once per
// material. completenessProblems is what submitting needs on top.
import { CERTIFICATION_ITEM_KEYS } from '../../certifications/certification.dto.js';
import { findThirdLevel } from '../../rubric/index.js';
import { UUID_PATTERN } from '../../files/file-attachments.js';
import type { PathProblem, RowSpec } from '../../ingestion/validation/validate.js';
import { findCriterion, getRubricIndex, type Rubric } from '../../rubric/index.js';
import type { CriterionMaterials, DeclaredMissingItem } from '../round-application.entity.js';
import { ApplicationDraftDto, type CriterionMaterialsDto, type MissingItemDto, type RoundCertificationDto } from './application-input.dto.js';

/** 附件3 of the round as the county left it in the draft (complete once submitted). */
export interface DraftCertification {
  /** Only the items sent: "1".."12" → yes/no. */
  items: Record<string, boolean>;
  remarks: string;
  certifiedBy: string | null;
  certifiedOn: string | null;
  sealedScanFileId: string | null;
}

export interface ApplicationDraft {
  /** In rubric order. */
  materials: CriterionMaterials[];
  /** In the order sent. */
  missingItems: DeclaredMissingItem[];
  certification: DraftCertification | null;
}

/** A file id of the body with where it stands (for the 400 of an unusable file). */
export interface FileReference {
  path: string;
  id: string;
}

/** The item a missing-item declaration names: a criterion or a third-level indicator. */
export function resolveMissingItem(rubric: Rubric, code: string): { id: string; code: string } | undefined {
  const criterion = findCriterion(rubric, code);
  if (criterion) return { id: criterion.id, code: criterion.code };
  const third = findThirdLevel(rubric, code);
  return third ? { id: third.id, code: third.code } : undefined;
}

const isString = (v: unknown): v is string => typeof v === 'string';

function materialProblems(rubric: Rubric, materials: unknown): PathProblem[] {
  if (!Array.isArray(materials)) return [];
  const problems: PathProblem[] = [];
  const firstAt = new Map<string, number>();
  materials.forEach((m: Partial<CriterionMaterialsDto> | null, i) => {
    if (typeof m !== 'object' || m === null) return;
    if (isString(m.criterion)) {
      const criterion = findCriterion(rubric, m.criterion);
      if (!criterion) problems.push({ path: `materials[${i}].criterion`, reason: `"${m.criterion}" is not a criterion of ${rubric.version}: a code such as "1①" or an id such as "1.1.1.1"` });
      else if (firstAt.has(criterion.id)) problems.push({ path: `materials[${i}].criterion`, reason: `criterion ${criterion.code} (${criterion.id}) is already at materials[${firstAt.get(criterion.id)}]` });
      else firstAt.set(criterion.id, i);
    }
    if (Array.isArray(m.items)) {
      m.items.forEach((item: { fileIds?: unknown } | null, j) => problems.push(...fileIdProblems(item?.fileIds, `materials[${i}].items[${j}].fileIds`)));
    }
  });
  return problems;
}

function fileIdProblems(fileIds: unknown, path: string): PathProblem[] {
  if (!Array.isArray(fileIds)) return [];
  const problems: PathProblem[] = [];
  const seen = new Map<string, number>();
  fileIds.forEach((id: unknown, k) => {
    if (!isString(id) || !UUID_PATTERN.test(id)) problems.push({ path: `${path}[${k}]`, reason: 'a file id is a UUID from POST /api/v1/files' });
    else if (seen.has(id.toLowerCase())) problems.push({ path: `${path}[${k}]`, reason: `the same file as ${path}[${seen.get(id.toLowerCase())}]` });
    else seen.set(id.toLowerCase(), k);
  });
  return problems;
}

function missingItemProblems(rubric: Rubric, items: unknown): PathProblem[] {
  if (!Array.isArray(items)) return [];
  const problems: PathProblem[] = [];
  const firstAt = new Map<string, number>();
  items.forEach((m: Partial<MissingItemDto> | null, i) => {
    if (typeof m !== 'object' || m === null || !isString(m.item)) return;
    const item = resolveMissingItem(rubric, m.item);
    if (!item) problems.push({ path: `missingItems[${i}].item`, reason: `"${m.item}" is not a criterion ("32③", "4.15.32.3") or third-level indicator ("32", "4.15.32") of ${rubric.version}` });
    else if (firstAt.has(item.id)) problems.push({ path: `missingItems[${i}].item`, reason: `item ${item.code} (${item.id}) is already at missingItems[${firstAt.get(item.id)}]` });
    else firstAt.set(item.id, i);
  });
  return problems;
}

function certificationProblems(certification: unknown): PathProblem[] {
  if (typeof certification !== 'object' || certification === null) return [];
  const items = (certification as { items?: unknown }).items;
  if (typeof items !== 'object' || items === null || Array.isArray(items)) return [];
  const problems: PathProblem[] = [];
  for (const [key, value] of Object.entries(items)) {
    if (!(CERTIFICATION_ITEM_KEYS as readonly string[]).includes(key)) problems.push({ path: `certification.items.${key}`, reason: 'unknown item: the items are "1" to "12"' });
    else if (typeof value !== 'boolean') problems.push({ path: `certification.items.${key}`, reason: `item ${key} must be true or false` });
  }
  return problems;
}

function normalizeCertification(dto: RoundCertificationDto): DraftCertification {
  return {
    items: Object.fromEntries(CERTIFICATION_ITEM_KEYS.filter((k) => Object.hasOwn(dto.items, k)).map((k) => [k, dto.items[k] === true])),
    remarks: dto.remarks ?? '',
    certifiedBy: dto.certifiedBy ?? null,
    certifiedOn: dto.certifiedOn ?? null,
    sealedScanFileId: dto.sealedScanFileId?.toLowerCase() ?? null,
  };
}

/** The draft body's rules under the round's rubric. */
export function draftSpec(rubric: Rubric): RowSpec<ApplicationDraftDto, ApplicationDraft> {
  const order = getRubricIndex(rubric).criterionOrdinal;
  return {
    dto: ApplicationDraftDto,
    check: (dto) => [...materialProblems(rubric, dto.materials), ...missingItemProblems(rubric, dto.missingItems), ...certificationProblems(dto.certification)],
    normalize: (dto) => ({
      materials: (dto.materials ?? [])
        .map((m) => ({
          criterionId: findCriterion(rubric, m.criterion)!.id,
          items: m.items.map((item) => ({ title: item.title, fileIds: (item.fileIds ?? []).map((id) => id.toLowerCase()) })),
        }))
        .sort((a, b) => order.get(a.criterionId)! - order.get(b.criterionId)!),
      missingItems: (dto.missingItems ?? []).map((m) => ({ itemId: resolveMissingItem(rubric, m.item)!.id, duty: m.duty, reason: m.reason })),
      certification: dto.certification ? normalizeCertification(dto.certification) : null,
    }),
  };
}

/** Every file id of a raw body (well-formed ones only), with its path. */
export function fileReferences(body: unknown): FileReference[] {
  const out: FileReference[] = [];
  const b = body as { materials?: unknown; certification?: { sealedScanFileId?: unknown } | null } | null;
  if (Array.isArray(b?.materials)) {
    b.materials.forEach((m: { items?: unknown } | null, i) => {
      if (!Array.isArray(m?.items)) return;
      m.items.forEach((item: { fileIds?: unknown } | null, j) => {
        if (!Array.isArray(item?.fileIds)) return;
        item.fileIds.forEach((id: unknown, k) => {
          if (isString(id) && UUID_PATTERN.test(id)) out.push({ path: `materials[${i}].items[${j}].fileIds[${k}]`, id });
        });
      });
    });
  }
  const scan = b?.certification?.sealedScanFileId;
  if (isString(scan) && UUID_PATTERN.test(scan)) out.push({ path: 'certification.sealedScanFileId', id: scan });
  return out;
}

/** Every file id the draft attaches (materials and the sealed scan). */
export function draftFileIds(draft: ApplicationDraft): string[] {
  const ids = draft.materials.flatMap((m) => m.items.flatMap((i) => i.fileIds));
  if (draft.certification?.sealedScanFileId) ids.push(draft.certification.sealedScanFileId);
  return [...new Set(ids)];
}

/**
 * What submitting needs beyond a valid draft: every criterion has materials or is covered
 * by a declared missing item (itself or its third-level indicator), and 附件3 is complete.
 */
export function completenessProblems(rubric: Rubric, draft: ApplicationDraft): (PathProblem & { key?: string })[] {
  const problems: (PathProblem & { key?: string })[] = [];
  const provided = new Set(draft.materials.filter((m) => m.items.length > 0).map((m) => m.criterionId));
  const declared = new Set(draft.missingItems.map((m) => m.itemId));
  for (const criterion of getRubricIndex(rubric).criteria) {
    if (provided.has(criterion.id) || declared.has(criterion.id) || declared.has(criterion.indicatorId)) continue;
    problems.push({ path: 'materials', key: criterion.code, reason: `criterion ${criterion.code} (${criterion.id}) has neither materials nor a declared missing item` });
  }
  const c = draft.certification;
  if (c === null) return [...problems, { path: 'certification', reason: 'the certification (附件3) is required to submit' }];
  for (const key of CERTIFICATION_ITEM_KEYS) if (!Object.hasOwn(c.items, key)) problems.push({ path: `certification.items.${key}`, reason: `item ${key} must be answered (true or false) to submit` });
  if (c.certifiedBy === null) problems.push({ path: 'certification.certifiedBy', reason: 'the certifying body is required to submit' });
  if (c.certifiedOn === null) problems.push({ path: 'certification.certifiedOn', reason: 'the date of certification is required to submit' });
  if (c.sealedScanFileId === null) problems.push({ path: 'certification.sealedScanFileId', reason: 'the sealed scan of 附件3 is required to submit' });
  return problems;
}
