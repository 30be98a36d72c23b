import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * The media types a request body may have: JSON, any `+json` type (a PATCH's
 * `application/merge-patch+json`, RFC 7396), and HTML forms.
 */
export const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'];
export const BODY_MEDIA_TYPES = [...JSON_MEDIA_TYPES, 'application/x-www-form-urlencoded'];

/**
 * Refuses a body the parsers would skip. Left unparsed, it would reach the handler as `{}`: a PATCH
 * would answer 200 having changed nothing, and the client would believe its change was kept.
 */
export function refuseUnparsableBodies(request: Request, _response: Response, next: NextFunction): void {
  if (!carriesBytes(request) || request.is(BODY_MEDIA_TYPES)) return next();
  const given = request.headers['content-type'];
  next(
    new UnsupportedMediaTypeException({
      code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      message: `${given ? `A body of type ${given}` : 'A body without a Content-Type'} cannot be read here; send application/json (application/merge-patch+json for a PATCH)`,
      accepted: BODY_MEDIA_TYPES,
    }),
  );
}

/** `Content-Length: 0` is what clients send for an empty POST: no body, so no type to check. */
function carriesBytes(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) !== 0);
}
