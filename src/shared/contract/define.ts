import type { z } from 'zod';

/** A request/response route, renderer → main. `output` is a phantom carrying the type only. */
export interface RouteDef<I extends z.ZodType, O> {
  readonly input: I;
  readonly output?: O;
}

/** An event, main → renderer. `payload` is a phantom carrying the type only. */
export interface EventDef<P> {
  readonly payload?: P;
}

/** `route<Output>()(inputSchema)`: the output type is given, the input type comes from the schema. */
export function route<O>() {
  return <I extends z.ZodType>(input: I): RouteDef<I, O> => ({ input });
}

export function event<P>(): EventDef<P> {
  return {};
}
