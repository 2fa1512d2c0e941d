// Minimal Eleventy site for the build benchmark: the Markdown documents `archivist import` writes,
// each through one small layout. Markdown is not run through a template language first (seed text
// may hold "{{"), as Archivist does not either.
export default function (eleventyConfig) {
  // The benchmark works under bench/out/, which .gitignore lists.
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.addGlobalData("layout", "post.njk");
  // Keep each post at its own path (2025/10/slug.md → 2025/10/slug.html), like Archivist.
  eleventyConfig.addGlobalData("permalink", () => (data) => data.page.filePathStem + ".html");
  return {
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
  };
}
