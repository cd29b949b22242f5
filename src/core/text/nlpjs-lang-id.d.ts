// @nlpjs/lang-id ships no type declarations; this is the part Lentera uses.
declare module "@nlpjs/lang-id" {
  export class StemmerId {
    stemWord(word: string): string;
  }
}
