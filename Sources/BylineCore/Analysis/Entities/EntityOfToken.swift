/// The entity each token names, -1 for none: 2 bytes a token while the article has fewer than
/// 65,535 entities (nearly always), 4 after. The recogniser and the attributor keep one for
/// every token of the article, and a flood of short quotes has a token every 3 bytes of text:
/// 4 bytes a token was 1.5 times the text.
typealias EntityOfToken = SmallIndexRows
