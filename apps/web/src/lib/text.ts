/** Folds Vietnamese text for search: lower case, no diacritics, đ → d ("Đăng ký" and "dang ky" fold alike). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query is found in the folded text. */
export function matches(haystack: string, query: string): boolean {
  const folded = fold(haystack);
  return fold(query)
    .split(' ')
    .every((word) => folded.includes(word));
}
