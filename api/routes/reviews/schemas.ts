import { Type } from '@sinclair/typebox';
import { CallIdParams, withErrors } from '../../schemas/common.ts';
import { Review, ReviewRequest } from '../../schemas/review.ts';

export const listReviewsSchema = {
  summary: "A call's reviews, oldest first",
  tags: ['reviews'],
  params: CallIdParams,
  response: withErrors({ 200: Type.Array(Review) }, 404, 409),
};

export const addReviewSchema = {
  summary: "Override a rule result or the score, with a comment; the machine's result is kept",
  tags: ['reviews'],
  params: CallIdParams,
  body: ReviewRequest,
  response: withErrors({ 201: Review }, 404, 409, 413, 415, 422),
};
