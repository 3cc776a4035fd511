import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '@redcrowd/contracts';

/** The largest photo a work report takes: a phone photo, compressed as WeChat sends it. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** What a phone camera or WeChat produces; the browser shows all of them except HEIC on some. */
export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;

/** A photo whose kind was read from its bytes. */
export interface CheckedPhoto {
  bytes: Buffer;
  mediaType: string;
}

/**
 * Checks an uploaded photo by its size and by its content's magic bytes (file-type), never by
 * the name or the type the client claims, so that only an image is ever stored and served back.
 */
export async function checkedPhoto(bytes: Buffer): Promise<CheckedPhoto> {
  if (bytes.length === 0 || bytes.length > MAX_PHOTO_BYTES) {
    throw photoProblem(
      'out-of-range',
      `photo is ${bytes.length} bytes; a photo has 1 to ${MAX_PHOTO_BYTES} bytes (5 MB)`,
    );
  }
  const detected = await fileTypeFromBuffer(bytes);
  const mediaType = detected?.mime;
  if (mediaType === undefined || !(PHOTO_MEDIA_TYPES as readonly string[]).includes(mediaType)) {
    throw photoProblem(
      'invalid-value',
      `photo is ${mediaType ?? 'not a recognisable file'}; a photo is ${PHOTO_MEDIA_TYPES.join(', ')}`,
    );
  }
  return { bytes, mediaType };
}

function photoProblem(code: 'out-of-range' | 'invalid-value', message: string): DomainError {
  return new DomainError('invalid-request', message, {
    field: 'photo',
    problems: [{ path: 'photo', code, message }],
  });
}
