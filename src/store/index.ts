/**
 * Public API of the store layer. Components import from here (types and the
 * store they are handed), never from `persistence.ts` and never `idb`.
 */
export {
  CrossreadStore,
  type ChangeOrigin,
  type DeleteResult,
  type StoreListener,
  type StoreOptions,
} from './store.ts';
export {
  ANNOTATION_CONTEXT,
  ANONYMOUS,
  COLLECTION_NAMES,
  RECORD_ID_PATTERN,
  buildAnnotation,
  changeAnnotation,
  makeBody,
  motivationFor,
  newRecordId,
  normalizeTags,
  noteOf,
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
  type Motivation,
  type Setting,
  type TagBody,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './records.ts';
export {
  AnnotationSchema,
  CreatorNameSettingSchema,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_TAG_LENGTH,
  RecordIdSchema,
  RecordSchemas,
  SettingSchema,
  TextPositionSelectorSchema,
  TextQuoteSelectorSchema,
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
export { StoreError, StoreErrorEvent, type StoreErrorKind, type StoreEventMap } from './errors.ts';
export { UndoHistory, DEFAULT_UNDO_LIMIT, type UndoEntry } from './undo.ts';
export { MemoryPersistence, type MemoryPersistenceOptions } from './memory-persistence.ts';
export { DB_NAME, DB_VERSION, type Persistence, type PersistenceHooks, type PersistenceOpener } from './persistence.ts';
export { CHANNEL_NAME } from './sync.ts';
