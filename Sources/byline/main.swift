import BylineCore
let a = try! ArticleLoader.load(path: CommandLine.arguments[1])
let an = ArticleAnalysis(article: a)
print(a.title as Any, a.standfirst as Any, a.date as Any, a.statedReadTimeMinutes as Any, a.author as Any, a.dateline as Any)
for b in a.blocks { print(b.kind, a.text(of: b).prefix(70)) }
for q in an.quotes { print(q.kind, q.range, a.text(in: q.range).prefix(80), a.sourceMap.sourceRange(q.range)) }
print(an.readingTime.wordCount, an.readingTime.estimatedMinutes)
