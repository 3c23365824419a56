import { factorySpace } from 'micromark-factory-space';
import { markdownLineEnding } from 'micromark-util-character';
import { codes, types } from 'micromark-util-symbol';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

/**
 * Display math as Quarto writes it when the equation has a label: the
 * closing fence carries the attributes (`$$ {#eq-growth}`). remark-math's
 * own construct (micromark-extension-math's math-flow, MIT, by Titus Wormer)
 * ends a block only at a fence with nothing after it, so such an equation
 * would swallow the rest of the essay. This is that construct with one
 * change: a closing fence may end in `{…}`, kept as a `mathFlowFenceAttributes`
 * token (which mdast-util-math ignores, so the equation's value is the
 * same). remark-attributes reads the attributes from the fence's line.
 *
 * It produces remark-math's tokens and is tried before remark-math's construct,
 * so everything else about display math is remark-math's.
 */
export const ATTRIBUTES_TOKEN = 'mathFlowFenceAttributes';

const mathFlowWithAttributes: Construct = { name: 'mathFlow', tokenize: tokenizeMathFenced, concrete: true };
const nonLazyContinuation: Construct = { tokenize: tokenizeNonLazyContinuation, partial: true };

/** The micromark extension: remark-math's display math, with attributes allowed after the closing fence. */
export function mathFenceAttributes(): Extension {
  return { flow: { [codes.dollarSign]: mathFlowWithAttributes } };
}

// The token names are remark-math's (mdast-util-math turns them into a `math` node); micromark's types list only its own.
type Name = Parameters<Effects['enter']>[0];
const T = {
  flow: 'mathFlow' as Name,
  fence: 'mathFlowFence' as Name,
  sequence: 'mathFlowFenceSequence' as Name,
  meta: 'mathFlowFenceMeta' as Name,
  value: 'mathFlowValue' as Name,
  attributes: ATTRIBUTES_TOKEN as Name,
};

function tokenizeMathFenced(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- micromark hands the tokenizer its context as `this`, and the states are closures.
  const self = this;
  const tail = self.events[self.events.length - 1];
  const initialSize = tail && tail[1].type === types.linePrefix ? tail[2].sliceSerialize(tail[1], true).length : 0;
  let sizeOpen = 0;
  return start;

  function start(code: Code): State | undefined {
    effects.enter(T.flow);
    effects.enter(T.fence);
    effects.enter(T.sequence);
    return sequenceOpen(code);
  }

  function sequenceOpen(code: Code): State | undefined {
    if (code === codes.dollarSign) {
      effects.consume(code);
      sizeOpen++;
      return sequenceOpen;
    }
    if (sizeOpen < 2) return nok(code);
    effects.exit(T.sequence);
    return factorySpace(effects, metaBefore, types.whitespace)(code);
  }

  function metaBefore(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return metaAfter(code);
    effects.enter(T.meta);
    effects.enter(types.chunkString, { contentType: 'string' });
    return meta(code);
  }

  function meta(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) {
      effects.exit(types.chunkString);
      effects.exit(T.meta);
      return metaAfter(code);
    }
    if (code === codes.dollarSign) return nok(code);
    effects.consume(code);
    return meta;
  }

  function metaAfter(code: Code): State | undefined {
    effects.exit(T.fence);
    if (self.interrupt) return ok(code);
    return effects.attempt(nonLazyContinuation, beforeNonLazyContinuation, after)(code);
  }

  function beforeNonLazyContinuation(code: Code): State | undefined {
    return effects.attempt({ tokenize: tokenizeClosingFence, partial: true }, after, contentStart)(code);
  }

  function contentStart(code: Code): State | undefined {
    return (initialSize ? factorySpace(effects, beforeContentChunk, types.linePrefix, initialSize + 1) : beforeContentChunk)(code);
  }

  function beforeContentChunk(code: Code): State | undefined {
    if (code === codes.eof) return after(code);
    if (markdownLineEnding(code)) return effects.attempt(nonLazyContinuation, beforeNonLazyContinuation, after)(code);
    effects.enter(T.value);
    return contentChunk(code);
  }

  function contentChunk(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) {
      effects.exit(T.value);
      return beforeContentChunk(code);
    }
    effects.consume(code);
    return contentChunk;
  }

  function after(code: Code): State | undefined {
    effects.exit(T.flow);
    return ok(code);
  }

  function tokenizeClosingFence(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let size = 0;
    const indented = self.parser.constructs.disable.null?.includes('codeIndented') ? undefined : 4;
    return factorySpace(effects, beforeSequenceClose, types.linePrefix, indented);

    function beforeSequenceClose(code: Code): State | undefined {
      effects.enter(T.fence);
      effects.enter(T.sequence);
      return sequenceClose(code);
    }

    function sequenceClose(code: Code): State | undefined {
      if (code === codes.dollarSign) {
        size++;
        effects.consume(code);
        return sequenceClose;
      }
      if (size < sizeOpen) return nok(code);
      effects.exit(T.sequence);
      return factorySpace(effects, afterSequenceClose, types.whitespace)(code);
    }

    function afterSequenceClose(code: Code): State | undefined {
      if (code === codes.eof || markdownLineEnding(code)) {
        effects.exit(T.fence);
        return ok(code);
      }
      // The one change from remark-math: `{…}` after the closing fence, then the end of the line.
      if (code === codes.leftCurlyBrace) {
        effects.enter(T.attributes);
        return attributes(code);
      }
      return nok(code);
    }

    function attributes(code: Code): State | undefined {
      if (code === codes.eof || markdownLineEnding(code)) return nok(code);
      effects.consume(code);
      if (code === codes.rightCurlyBrace) {
        effects.exit(T.attributes);
        return factorySpace(effects, afterAttributes, types.whitespace);
      }
      return attributes;
    }

    function afterAttributes(code: Code): State | undefined {
      if (code === codes.eof || markdownLineEnding(code)) {
        effects.exit(T.fence);
        return ok(code);
      }
      return nok(code);
    }
  }
}

function tokenizeNonLazyContinuation(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- micromark hands the tokenizer its context as `this`, and the states are closures.
  const self = this;
  return start;

  function start(code: Code): State | undefined {
    if (code === codes.eof) return ok(code);
    effects.enter(types.lineEnding);
    effects.consume(code);
    effects.exit(types.lineEnding);
    return lineStart;
  }

  function lineStart(code: Code): State | undefined {
    return self.parser.lazy[self.now().line] ? nok(code) : ok(code);
  }
}
