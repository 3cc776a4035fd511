import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ReviewError, type ReviewErrorCode } from './review.errors';

// Exhaustive: a new error code does not compile until it has a status.
const STATUS_OF: Record<ReviewErrorCode, number> = {
  'project-not-found': 404,
  'allocation-not-found': 404,
  'offer-not-found': 404,
  'not-allowed': 403,
  'illegal-transition': 409,
  'version-conflict': 409,
  'invalid-request': 400,
  'not-a-candidate': 422,
  'capacity-exceeded': 409,
};

/** Turns review errors into HTTP answers: the domain never mentions HTTP. */
@Catch(ReviewError)
export class ReviewErrorFilter implements ExceptionFilter {
  catch(error: ReviewError, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(STATUS_OF[error.code])
      .json({
        error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
      });
  }
}
