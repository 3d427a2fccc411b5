import { writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../../../core/temp-folder.test-helper.ts';
import { findTranscriptSidecar, loadDefaultSpeakerMapping, loadTranscript } from './index.ts';

let temp: TempFolder;
beforeEach(async () => {
  temp = await createTempFolder('callqa-import-');
});
afterEach(() => temp.remove());

async function write(name: string, content: string): Promise<string> {
  await writeFile(temp.file(name), content);
  return temp.file(name);
}

describe('loadTranscript', () => {
  it('reads callqa JSON, ignoring other keys, sorted by start', async () => {
    const file = await write('call.transcript.json', JSON.stringify({
      speakers: 2,
      utterances: [
        { party: 'customer', start: 4.5, end: 6, text: ' Hello, I have a question. ', id: 'x' },
        { party: 'agent', start: 0.5, end: 3, text: 'Thank you for calling.' },
      ],
    }));
    expect(await loadTranscript(file)).toEqual({
      source: 'import:call.transcript.json',
      utterances: [
        { party: 'agent', start: 0.5, end: 3, text: 'Thank you for calling.' },
        { party: 'customer', start: 4.5, end: 6, text: 'Hello, I have a question.' },
      ],
    });
  });

  it('reads WebVTT voice tags through the speaker mapping, in any case and language', async () => {
    const file = await write('call.vtt', [
      'WEBVTT', '', 'NOTE exported by the dialler', '',
      '1', '00:00:01.000 --> 00:00:03.500', '<v Agent>Good morning, <b>how</b> can I help?</v>', '',
      '00:04.000 --> 00:00:06.250 align:start', '<v.loud Клиент>Здравствуйте, у меня вопрос.', '',
      '00:00:07.000 --> 00:00:08.000', '<v ügyintéző>Egy pillanat.', '',
      '00:00:09.000 --> 00:00:10.000', 'No speaker here.',
    ].join('\n'));
    const { source, utterances } = await loadTranscript(file);
    expect(source).toBe('import:call.vtt');
    expect(utterances).toEqual([
      { party: 'agent', start: 1, end: 3.5, text: 'Good morning, how can I help?' },
      { party: 'customer', start: 4, end: 6.25, text: 'Здравствуйте, у меня вопрос.' },
      { party: 'agent', start: 7, end: 8, text: 'Egy pillanat.' },
      { party: 'unknown', start: 9, end: 10, text: 'No speaker here.' },
    ]);
  });

  it('reads SubRip with "Name:" prefixes and a custom mapping', async () => {
    const file = await write('call.srt', '\uFEFF1\r\n00:00:01,000 --> 00:00:02,500\r\nOperator: Hello there.\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nBob: Hi,\r\nit is Bob.\r\n');
    const mapping = { ...loadDefaultSpeakerMapping(), customer: ['bob'] };
    expect((await loadTranscript(file, { mapping })).utterances).toEqual([
      { party: 'agent', start: 1, end: 2.5, text: 'Hello there.' },
      { party: 'customer', start: 3, end: 4, text: 'Hi, it is Bob.' },
    ]);
  });

  it.each([
    ['bad.json', '{"utterances": [{"party": "agent", "start": 1, "end": 2, "text": "ok"}, {"party": "boss", "start": 1, "end": 2, "text": "x"}]}', /bad\.json: utterances\[1\]\.party: must be "agent" or "customer", got "boss"/],
    ['bad.json', '{"utterances": [{"party": "agent", "start": 3, "end": 2, "text": "x"}]}', /bad\.json: utterances\[0\]\.end: must be seconds ≥ start \(3\), got 2/],
    ['bad.json', '{"utterances": [{"party": "agent", "start": 1, "end": 2}]}', /utterances\[0\]\.text: must be a string, got nothing/],
    ['bad.json', '{"lines": []}', /bad\.json: utterances: must be an array/],
    ['bad.json', '{"utterances": [', /bad\.json: JSON: /],
    ['bad.vtt', '1\n00:00:01.000 --> 00:00:02.000\nhi', /bad\.vtt: line 1: a WebVTT file must start with "WEBVTT"/],
    ['bad.vtt', 'WEBVTT\n\n00:00:01.000 --> soon\n<v Agent>hi', /bad\.vtt: cue 1 \(line 3\): bad timing "00:00:01\.000 --> soon"/],
    ['bad.srt', '1\n00:00:01,000 --> 00:00:02,000\nManager: hi', /bad\.srt: cue 1 \(line 2\): speaker "Manager" is in no party/],
    ['notes.txt', 'hello', /notes\.txt: file name: "\.txt" is not a transcript format/],
  ])('rejects %s with an error naming the place: %s', async (name, content, message) => {
    const file = await write(name, content);
    await expect(loadTranscript(file)).rejects.toMatchObject({ code: 'CQA_ERR_CONFIG_INVALID', message: expect.stringMatching(message) });
  });

  it('reads JSON, WebVTT and SubRip files that start with a UTF-8 byte order mark, as Windows tools write them', async () => {
    const bom = '\uFEFF';
    const utterance = { party: 'agent', start: 1, end: 2, text: 'Good morning.' };
    const files = [
      await write('bom.transcript.json', bom + JSON.stringify({ utterances: [utterance] })),
      await write('bom.vtt', `${bom}WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Agent>Good morning.\n`),
      await write('bom.srt', `${bom}1\n00:00:01,000 --> 00:00:02,000\nAgent: Good morning.\n`),
    ];
    for (const file of files) expect((await loadTranscript(file)).utterances, file).toEqual([utterance]);
  });

  it('refuses one 2 MB utterance, too many utterances, and JSON nested deeper than the limit, naming the place', async () => {
    const utterance = (text: string, start = 1) => ({ party: 'agent', start, end: start + 1, text });
    const huge = await write('huge.json', JSON.stringify({ utterances: [utterance('ok'), utterance('x'.repeat(2_000_000))] }));
    await expect(loadTranscript(huge)).rejects.toMatchObject({
      code: 'CQA_ERR_CONFIG_INVALID', message: expect.stringMatching(/huge\.json: utterance 2: 2000000 characters, more than the 10000/),
    });
    const many = await write('many.json', JSON.stringify({ utterances: Array.from({ length: 43_201 }, (_, index) => utterance('hello', index * 0.5)) }));
    await expect(loadTranscript(many)).rejects.toMatchObject({ message: expect.stringMatching(/many\.json: utterances: 43201 utterances, more than the 43200/) });
    const nested = await write('nested.json', `{"utterances": [], "extra": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    await expect(loadTranscript(nested)).rejects.toMatchObject({
      code: 'CQA_ERR_CONFIG_INVALID', message: expect.stringMatching(/nested\.json: JSON: nested deeper than 16 levels \(at character 44\)/),
    });
    // Brackets inside strings are text, not nesting.
    const bracketText = await write('brackets.json', JSON.stringify({ utterances: [utterance('[[[[[[[[[[[[[[[[[[[[ {{{{{{{{{{{{{{{{ \\" [[[[')] }));
    expect((await loadTranscript(bracketText)).utterances).toHaveLength(1);
  });

  it('refuses an utterance that ends after the recording, beyond the tolerance', async () => {
    const file = await write('late.srt', '1\n00:00:01,000 --> 00:00:02,000\nAgent: hi\n\n2\n277777:46:40,000 --> 277777:46:41,000\nAgent: bye\n');
    await expect(loadTranscript(file, { recordingDurationS: 60 })).rejects.toMatchObject({
      code: 'CQA_ERR_CONFIG_INVALID', message: expect.stringMatching(/late\.srt: utterance 2: ends at 1000000001 s, after the recording \(60\.0 s\)/),
    });
    const edge = await write('edge.json', JSON.stringify({ utterances: [{ party: 'agent', start: 59, end: 60.9, text: 'bye' }] }));
    expect((await loadTranscript(edge, { recordingDurationS: 60 })).utterances).toHaveLength(1);
  });

  it('reports a missing file as not found', async () => {
    await expect(loadTranscript(temp.file('absent.vtt'))).rejects.toMatchObject({ code: 'CQA_ERR_INPUT_NOT_FOUND' });
  });
});

describe('findTranscriptSidecar', () => {
  it('finds the transcript beside the recording, preferring JSON, then VTT, then SRT', async () => {
    const recording = temp.file('call-42.wav');
    expect(await findTranscriptSidecar(recording)).toBeNull();
    await write('call-42.srt', '');
    expect(await findTranscriptSidecar(recording)).toBe(temp.file('call-42.srt'));
    await write('call-42.vtt', '');
    expect(await findTranscriptSidecar(recording)).toBe(temp.file('call-42.vtt'));
    await write('call-42.transcript.json', '');
    expect(await findTranscriptSidecar(recording)).toBe(temp.file('call-42.transcript.json'));
    expect(await findTranscriptSidecar(temp.file('other.wav'))).toBeNull();
  });
});
