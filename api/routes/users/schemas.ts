import { Type } from '@sinclair/typebox';
import { roles } from '../../roles.ts';
import { UserName, withErrors } from '../../schemas/common.ts';

const RoleName = Type.Union(roles.map((role) => Type.Literal(role)));

export const meSchema = {
  summary: 'Who the token belongs to, and their role',
  tags: ['users'],
  response: withErrors({ 200: Type.Object({ user_name: UserName, role: RoleName }) }),
};

export const addUserSchema = {
  summary: 'Create a user (or reuse one with the same role) and issue a token, shown only in this answer',
  tags: ['users'],
  body: Type.Object({ user_name: UserName, role: RoleName }, { additionalProperties: false }),
  response: withErrors({ 201: Type.Object({ user_name: UserName, role: RoleName, token: Type.String() }) }, 413, 415),
};
