// Inputs whose keys are not text: a shortcut pressed on them is still a shortcut.
const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** True when a key event goes to a text field: typing must never trigger shortcuts. */
export function isTyping(e: Event): boolean {
  const t = e.composedPath()[0] as HTMLElement | undefined;
  if (!t) return false;
  if (t instanceof HTMLInputElement) return !NOT_TEXT.has(t.type);
  return t.isContentEditable || /^(TEXTAREA|SELECT)$/.test(t.tagName);
}

/**
 * True when the page's shortcuts must leave a key event alone: it is typing, or it happens in an
 * open dialog, whose form acts on what the page shows (an undo behind "Delete this claim?"
 * would leave it asking about a claim that is gone).
 */
export function shortcutsOff(e: Event): boolean {
  return isTyping(e) || e.composedPath().some((n) => n instanceof HTMLDialogElement && n.open);
}
