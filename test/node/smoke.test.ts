import { it, expect } from 'vitest';
import { unified } from 'unified';
it('loads unified', () => { expect(typeof unified).toBe('function'); });
