// How the parts of the webhook's decision refuse a pod: by throwing `Refused`, which only `admit` catches and turns
// into a value. Nothing outside src/domain/admission and admit.ts ever sees it thrown.

export class Refused extends Error {
  readonly code: 400 | 403;
  constructor(code: 400 | 403, message: string) {
    super(message);
    this.code = code;
  }
}

/** The pod is malformed: refused with 400. */
export function malformed(message: string): never {
  throw new Refused(400, message);
}

/** The pod is well-formed but may not have what it asks for: refused with 403. */
export function forbidden(message: string): never {
  throw new Refused(403, message);
}

/** For exhaustive switches: a new case that is not handled does not compile. */
export function unreachable(value: never): never {
  throw new Error(`unhandled case ${JSON.stringify(value)}`);
}
