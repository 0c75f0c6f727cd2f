// What the fact compiler (compile-facts.ts) does with each of micromark's token types
// (https://github.com/micromark/micromark/blob/main/packages/micromark-util-symbol/lib/types.js):
// the node or buffer it opens on enter, and how it ends or what text it adds on exit.
// By type, in a Map: a switch over some forty strings costs more than the rest of the walk.
export const [
  PHRASING,
  HEADING,
  LINK,
  IMAGE,
  LABEL,
  DEFINITION,
  CODE,
  CODE_WITH_VALUE,
  NODE_WITH_VALUE,
  LEAF,
  BUFFER,
  TEXT_START,
] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const [
  DATA,
  AUTOLINK_TARGET,
  ESCAPED,
  REFERENCE_DECIMAL,
  REFERENCE_HEXADECIMAL,
  REFERENCE_VALUE,
  REFERENCE_END,
  LINE_ENDING,
] = [20, 21, 22, 23, 24, 25, 26, 27] as const;
export const [POP, HARD_BREAK, SETEXT_TEXT, RESOURCE, DESTINATION, INFO, FENCE, YAML] = [
  40, 41, 42, 43, 44, 45, 46, 47,
] as const;
const ops = (table: Record<number, string[]>): Map<string, number> =>
  new Map(Object.entries(table).flatMap(([op, types]) => types.map((type) => [type, Number(op)] as const)));
export const enterOps = ops({
  [PHRASING]: ['paragraph', 'emphasis', 'strong'],
  [HEADING]: ['atxHeading', 'setextHeading'],
  [LINK]: ['link', 'autolink'],
  [IMAGE]: ['image'],
  [LABEL]: ['label'],
  [DEFINITION]: ['definition'],
  [CODE]: ['codeFenced'],
  [CODE_WITH_VALUE]: ['codeIndented', 'codeText'],
  [NODE_WITH_VALUE]: ['htmlFlow', 'htmlText', 'yaml'],
  [LEAF]: ['hardBreakEscape', 'hardBreakTrailing', 'gfmFootnoteCall'],
  [BUFFER]: [
    'codeFencedFenceInfo',
    'codeFencedFenceMeta',
    'definitionDestinationString',
    'definitionLabelString',
    'definitionTitleString',
    'referenceString',
    'resourceDestinationString',
    'resourceTitleString',
    'gfmFootnoteCallString',
    'gfmFootnoteDefinitionLabelString',
  ],
  [TEXT_START]: ['characterEscape', 'characterReference'],
});
// Exits that add text (DATA to LINE_ENDING) and exits that end a node or a buffer.
export const exitOps = ops({
  [DATA]: ['data', 'codeTextData', 'codeFlowValue', 'htmlFlowData', 'htmlTextData', 'yamlValue'],
  [AUTOLINK_TARGET]: ['autolinkProtocol', 'autolinkEmail'],
  [ESCAPED]: ['characterEscapeValue'],
  [REFERENCE_DECIMAL]: ['characterReferenceMarkerNumeric'],
  [REFERENCE_HEXADECIMAL]: ['characterReferenceMarkerHexadecimal'],
  [REFERENCE_VALUE]: ['characterReferenceValue'],
  [REFERENCE_END]: ['characterReference'],
  [LINE_ENDING]: ['lineEnding'],
  [POP]: [
    'paragraph',
    'emphasis',
    'strong',
    'gfmFootnoteCall',
    'codeFencedFenceMeta',
    'definitionLabelString',
    'definitionTitleString',
    'referenceString',
    'resourceTitleString',
    'gfmFootnoteCallString',
    'gfmFootnoteDefinitionLabelString',
    'autolink',
    'definition',
  ],
  [HARD_BREAK]: ['hardBreakEscape', 'hardBreakTrailing'],
  [SETEXT_TEXT]: ['setextHeadingText'],
  [HEADING]: ['atxHeading', 'setextHeading'],
  [LABEL]: ['label'],
  [RESOURCE]: ['resource'],
  [DESTINATION]: ['resourceDestinationString', 'definitionDestinationString'],
  [LINK]: ['link', 'image'],
  [INFO]: ['codeFencedFenceInfo'],
  [FENCE]: ['codeFencedFence'],
  [CODE]: ['codeFenced', 'codeIndented'],
  [CODE_WITH_VALUE]: ['codeText'],
  [NODE_WITH_VALUE]: ['htmlFlow', 'htmlText'],
  [YAML]: ['yaml'],
});
