/**
 * Public API of the store layer. Components import from here (types and the
 * store they are handed), never from `persistence.ts` and never `idb`.
 *
 * Records from outside (the exchange layer's imports, a later sync engine)
 * come in through one door only: `store.receive(batch, 'import' | 'sync')`,
 * with the batch types below (`IncomingBatch`, `ReceiveResult`, ADR 0004).
 */
export {
  CrossreadStore,
  type ActionResult,
  type ChangeOrigin,
  type DeleteAnnotationsOptions,
  type DeleteResult,
  type EvidenceItem,
  type StoreListener,
  type StoreOptions,
  type Restorable,
  type Restored,
  type LayerRemoval,
} from './store.ts';
export {
  ANNOTATION_CONTEXT,
  ANONYMOUS,
  COLLECTION_NAMES,
  RECORD_ID_PATTERN,
  buildAnnotation,
  changeAnnotation,
  eventsOf,
  makeBody,
  modifiedAt,
  motivationFor,
  newRecordId,
  stableRecordId,
  normalizeTags,
  noteOf,
  splitTags,
  tagsOf,
  type Annotation,
  type AnnotationBody,
  type AnnotationChange,
  type AnnotationDraft,
  type AnnotationTarget,
  type BuildContext,
  type CollectionName,
  type Collections,
  type CommentBody,
  type Creator,
  type CreatorNameSetting,
  type MapPosition,
  type MapPositionSetting,
  type LayerInfo,
  type LayerRole,
  type LayerSetting,
  layerSettingId,
  type EventBody,
  type Motivation,
  type Setting,
  type TagBody,
  type TextChangeSeen,
  type TextChangeSeenSetting,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './records.ts';
export {
  LINK_RELATIONS,
  STANCES,
  linkKey,
  type Claim,
  type ClaimChange,
  type ClaimDraft,
  type EventChange,
  type EventDraft,
  type EventRecord,
  type Evidence,
  type Link,
  type LinkChange,
  type LinkDraft,
  type LinkRelation,
  type Stance,
} from './claim-records.ts';
export type { OrphanedClaims } from './claim-actions.ts';
export {
  PARTIAL_DATE_PATTERN,
  compareRanges,
  isPartialDate,
  periodEnd,
  periodStart,
  precisionOf,
  type DatePrecision,
} from './partial-date.ts';
export { deletionMessage, layerRemovalMessage } from './deletion.ts';
export { byCreated } from './actions.ts';
export { formatDate, formatRange } from './date-words.ts';
export { integrityIssues, referencesOf, stateIssues, type SetAside } from './integrity.ts';
export {
  sortRecords,
  type QuarantinedRecord,
  type RawRead,
  type RawState,
  type SortedRecords,
} from './quarantine.ts';
export {
  AnnotationSchema,
  ClaimSchema,
  CreatorNameSettingSchema,
  EventRecordSchema,
  EvidenceSchema,
  LinkSchema,
  MapPositionSettingSchema,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_STATEMENT_LENGTH,
  MAX_TAG_LENGTH,
  RecordIdSchema,
  RecordSchemas,
  SettingSchema,
  TextChangeSeenSettingSchema,
  TextPositionSelectorSchema,
  TextQuoteSelectorSchema,
  VersionSchema,
  LayerIdSchema,
  describeIssues,
} from './schemas.ts';
export {
  applyDiff,
  diffIds,
  emptyState,
  isEmptyDiff,
  reverseDiff,
  type AnyRecord,
  type DiffIds,
  type RecordsDiff,
  type StoreDiff,
  type StoreState,
} from './diff.ts';
export {
  SHARED_COLLECTIONS,
  type Conflict,
  type ConflictChoice,
  type ConflictReason,
  type IncomingBatch,
  type IncomingRecord,
  type IncomingRemoval,
  type ReceiveOrigin,
  type ReceivePlan,
  type ReceiveResult,
  type ReceiveSummary,
  type SharedCollection,
  type SharedRecord,
} from './receive.ts';
export { compareVersions, type StoreIdentity, type Version, type VersionOrder } from './versions.ts';
export { StoreError, StoreErrorEvent, type EditConflict, type StoreErrorKind, type StoreEventMap } from './errors.ts';
export { UndoHistory, DEFAULT_UNDO_LIMIT, type Undoable, type UndoEntry, type UndoOutcome } from './undo.ts';
export { MemoryPersistence, type MemoryPersistenceOptions } from './memory-persistence.ts';
export {
  DB_NAME,
  DB_VERSION,
  type Persistence,
  type PersistenceHooks,
  type PersistenceOpener,
  type StoragePersistence,
} from './persistence.ts';
export { CHANNEL_NAME } from './sync.ts';
export { freeColour, hiddenLayers, layerSettings, layersChanged, layersOf, type IncomingLayer, type LayerView } from './layers.ts';
export {
  MAX_SOURCE_CHARS,
  MAX_SOURCE_TITLE,
  SOURCE_ID_PATTERN,
  buildSource,
  type SourceChange,
  type SourceDraft,
  type SourceFormat,
  type SourceRecord,
} from './source-records.ts';
export { previewRemoval, type RemovalPreview, type SourceRemoval } from './source-actions.ts';
export { SourceRecordSchema } from './schemas.ts';
