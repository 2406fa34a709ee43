/**
 * Which segmenter cuts the words: nodejieba where its native binary loads, the
 * portable segmenter (portable.ts: the same algorithm on the same dictionary
 * files, in TypeScript) everywhere else. Both give the same words, so the
 * choice changes speed and memory, never a finding; the front ends say which
 * one is in use and why.
 */
import { CutFunction, DictionaryPaths, loadNodejieba, resolveDictionaryPaths } from './dictionary';
import { loadPortable } from './portable';

export type SegmenterEngine = 'nodejieba' | 'portable';

/** The environment variable that chooses the portable segmenter without trying nodejieba. */
export const SEGMENTER_ENV = 'ZONGJIE_SEGMENTER';

export interface SegmenterChoice {
  engine: SegmenterEngine;
  /** In Chinese: which segmenter, and why that one. */
  note: string;
}

export type SegmentationLoad = ({ cut: CutFunction; loadMs: number } & SegmenterChoice) | { failure: string };

/** The user-facing name of each segmenter. */
export const ENGINE_NAMES: Record<SegmenterEngine, string> = {
  nodejieba: 'nodejieba（原生分词组件）',
  portable: '内置分词程序',
};

/**
 * Loads word segmentation in the calling thread (it blocks for the load):
 * nodejieba if it loads, else the portable segmenter. Fails only when the
 * dictionaries themselves are missing or broken. Never throws.
 */
export function loadSegmentation(paths?: DictionaryPaths): SegmentationLoad {
  const resolved = resolveDictionaryPaths(paths);
  if ('failure' in resolved) return resolved;
  const p = resolved.paths;
  let why: string;
  if (process.env[SEGMENTER_ENV] === 'portable') {
    why = `环境变量 ${SEGMENTER_ENV}=portable 指定`;
  } else {
    const native = loadNodejieba(p);
    if ('cut' in native) return { ...native, engine: 'nodejieba', note: `分词：${ENGINE_NAMES.nodejieba}` };
    why = native.failure;
  }
  try {
    const portable = loadPortable(p);
    return { ...portable, engine: 'portable', note: `分词：${ENGINE_NAMES.portable}（${why}；分词结果与 nodejieba 相同）` };
  } catch (e) {
    return { failure: `${why}；内置分词程序也无法读取词典：${e instanceof Error ? e.message : String(e)}` };
  }
}
