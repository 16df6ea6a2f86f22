/** docker/cli's short volume syntax parser (cli/compose/loader/volume.go), reduced to what decides validity and type. */
export interface ParsedVolume {
  source?: string;
  target?: string;
  type: 'bind' | 'volume';
  readOnly: boolean;
}

export function parseVolumeSpec(spec: string): { volume?: ParsedVolume; error?: string } {
  if (spec.length === 0) return { error: 'invalid empty volume spec' };
  if (spec.length <= 2) return { volume: { target: spec, type: 'volume', readOnly: false } };
  const volume: ParsedVolume = { type: 'volume', readOnly: false };
  let buffer = '';
  const END = '\0';
  for (const char of spec + END) {
    if (char === ':' && buffer.length === 1 && /\p{L}/u.test(buffer)) {
      // A Windows drive letter: `c:` stays part of the path.
      buffer += char;
      continue;
    }
    if (char === ':' || char === END) {
      if (buffer.length === 0) return { error: `invalid spec: ${spec}: empty section between colons` };
      if (volume.source === undefined && char === END) volume.target = buffer;
      else if (volume.source === undefined) volume.source = buffer;
      else if (volume.target === undefined) volume.target = buffer;
      else if (char === ':') return { error: `invalid spec: ${spec}: too many colons` };
      else for (const option of buffer.split(',')) if (option === 'ro') volume.readOnly = true;
      buffer = '';
      continue;
    }
    buffer += char;
  }
  if (volume.source && /^([./~]|[A-Za-z]:[\\/]|\\\\)/.test(volume.source)) volume.type = 'bind';
  return { volume };
}
