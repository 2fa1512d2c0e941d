namespace Archivist.Content;

/// <summary>
/// Where a stage reads posts' texts: from the post when it carries them (<see cref="Post.Text"/>), otherwise from
/// wherever the builder keeps them (the seed cache). The builder hands one down to every stage that reads texts,
/// so no stage reaches back to the one that read the seeds.
/// </summary>
public abstract class PostTexts
{
    /// <summary>Only the texts posts carry: what posts parsed or read from documents need.</summary>
    public static PostTexts Carried { get; } = new CarriedOnly();

    public PostText Of(Post post) => post.Text ?? Load(post);

    /// <summary>The text of a post that does not carry it, found by its <see cref="Post.ContentDigest"/>.</summary>
    protected abstract PostText Load(Post post);

    private sealed class CarriedOnly : PostTexts
    {
        protected override PostText Load(Post post) =>
            throw new InvalidOperationException($"post {post.Url} does not carry its text, and nothing else holds it");
    }
}
