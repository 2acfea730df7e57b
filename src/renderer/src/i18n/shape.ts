/** Same keys as the English source, any text: a translation missing a key fails typecheck. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
