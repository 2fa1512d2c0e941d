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

public sealed record NumberedItem(int Number, char Delimiter, string Text);

/// <summary>Lines starting <c>1.</c>, <c>2)</c>… inside a body: a list, never comments.</summary>
public sealed record NumberedListBlock(IReadOnlyList<NumberedItem> Items) : SeedBlock
{
    public bool Equals(NumberedListBlock? other) => other is not null && Items.SequenceEqual(other.Items);
    public override int GetHashCode() => Items.Count;
}

/// <summary>The blog's own section break, <c>--oo00oo--</c>.</summary>
public sealed record SectionBreakBlock : SeedBlock;

/// <summary>A run of six or more <c>*</c>, separating quoted reader contributions.</summary>
public sealed record ContributionBreakBlock : SeedBlock;
