// Uploads for the multipart/form-data operations (POST /api/v1/files). The generator builds
// JSON bodies from schemas; the schema of an upload says only `format: binary`, which gives
// no valid file. So uploads are generated here: one small PDF with a generated name (valid),
// or the same with a name broken by one forbidden character (400 at `file.filename`). The
// other multipart rules (parts, sizes, types) are tested by hand in test/files/files-api.spec.ts.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';

export const MULTIPART = 'multipart/form-data';

export interface MultipartBody {
  body: Buffer;
  contentType: string;
}

const NAME_CHARACTERS = [...'abcXYZ019_-. 申请书证明材料（）年'];
// A control character, a bidi override, a zero-width space: each refused in a name. (CR, LF
// and `"` would end the header or the quoted name: a different request, tested by hand.)
const BAD_NAME_CHARACTERS = ['\u0001', '\u007f', '\u202e', '\u200b'];

/** One part `file` holding a PDF, named `name`. */
export function uploadBody(name: string, content: string): MultipartBody {
  const boundary = `----fuzz${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head, 'utf8'), Buffer.from(`%PDF-1.4\n${content}\n%%EOF\n`, 'utf8'), Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]);
  return { body, contentType: `${MULTIPART}; boundary=${boundary}` };
}

const stem = fc.array(fc.constantFrom(...NAME_CHARACTERS), { minLength: 1, maxLength: 40 }).map((chars) => `f${chars.join('').trim()}`);

export const validUpload: fc.Arbitrary<MultipartBody> = fc.tuple(stem, fc.string({ maxLength: 200 })).map(([name, content]) => uploadBody(`${name}.pdf`, content));

export const invalidUpload: fc.Arbitrary<MultipartBody> = fc
  .tuple(stem, fc.constantFrom(...BAD_NAME_CHARACTERS), fc.nat())
  .map(([name, bad, at]) => {
    const cut = at % (name.length + 1);
    return uploadBody(`${name.slice(0, cut)}${bad}${name.slice(cut)}.pdf`, 'broken name');
  });
