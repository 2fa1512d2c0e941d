namespace Archivist.Seeds;

/// <summary>A block of seed text, recognised but still plain text (Content turns it into Markdown).</summary>
public abstract record SeedBlock;

/// <summary>Consecutive lines; each line break in the seed is kept.</summary>
public sealed record ParagraphBlock(IReadOnlyList<string> Lines) : SeedBlock
{
    public bool Equals(ParagraphBlock? other) => other is not null && Lines.SequenceEqual(other.Lines);
    public override int GetHashCode() => Lines.Count;
}

/// <summary>Lines starting with a bullet character such as <c>•</c>.</summary>
public sealed record BulletListBlock(IReadOnlyList<string> Items) : SeedBlock
{
    public bool Equals(BulletListBlock? other) => other is not null && Items.SequenceEqual(other.Items);
    public override int GetHashCode() => Items.Count;
}

/// <param name="Written">The whole line as the author wrote it (<c>1.What is…</c>, <c>1) Cultural change</c>).</param>
public sealed record NumberedItem(int Number, char Delimiter, string Text, string Written = "");

/// <summary>Lines starting <c>1.</c>, <c>2)</c>… inside a body: a list, never comments.</summary>
public sealed record NumberedListBlock(IReadOnlyList<NumberedItem> Items) : SeedBlock
{
    public bool Equals(NumberedListBlock? other) => other is not null && Items.SequenceEqual(other.Items);
    public override int GetHashCode() => Items.Count;
}

/// <summary>A line the author wrote as a heading: a numbered heading (<c>1) Cultural change</c>) or a quoted headline.</summary>
public sealed record HeadingBlock(string Text) : SeedBlock;

/// <summary>The blog's own section break, <c>--oo00oo--</c>.</summary>
public sealed record SectionBreakBlock : SeedBlock;

/// <summary>A run of six or more <c>*</c>, separating quoted reader contributions.</summary>
public sealed record ContributionBreakBlock : SeedBlock;

/// <summary>
/// Quoted reader contributions the author separated with runs of <c>******</c>: each one its own block, not a
/// section of the author's text.
/// </summary>
public sealed record ContributionsBlock(IReadOnlyList<IReadOnlyList<SeedBlock>> Contributions) : SeedBlock
{
    public bool Equals(ContributionsBlock? other) =>
        other is not null && Contributions.Count == other.Contributions.Count
        && Contributions.Zip(other.Contributions).All(p => p.First.SequenceEqual(p.Second));
    public override int GetHashCode() => Contributions.Count;
}
