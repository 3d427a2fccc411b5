/**
 * How the server encodes audio for browsers, as data. MP3 plays in every browser with seeking
 * by byte range; 24 kHz keeps it in MPEG-2 layer III (8 kHz sources would otherwise become
 * MPEG-2.5, which some browsers refuse), and stereo keeps agent and customer apart.
 */
export interface AudioFormat {
  extension: string;
  contentType: string;
  /** ffmpeg output arguments after `-i input`. */
  encodeArgs: readonly string[];
}

export const browserAudioFormat: AudioFormat = Object.freeze({
  extension: '.mp3',
  contentType: 'audio/mpeg',
  encodeArgs: Object.freeze(['-vn', '-ar', '24000', '-c:a', 'libmp3lame', '-b:a', '64k', '-f', 'mp3']),
});

/** Longest example clip a trainer may cut, in seconds: enough for any teaching moment. */
export const maxClipDurationS = 600;
