//! Platform names: free text in the dataset, matched case-insensitively against known platforms.
//! A platform group's key is the lower-case name (`twitter` for both Twitter and X).

/// Known platforms: accepted spellings (lower case) → key, display label.
const KNOWN: &[(&[&str], &str, &str)] = &[
    (&["twitter", "x", "x (twitter)", "twitter/x", "twitter / x"], "twitter", "Twitter"),
    (&["facebook", "fb"], "facebook", "Facebook"),
    (&["linkedin"], "linkedin", "LinkedIn"),
    (&["youtube"], "youtube", "YouTube"),
    (&["instagram"], "instagram", "Instagram"),
    (&["blog"], "blog", "Blog"),
    (&["forum", "forums"], "forum", "Forum"),
    (&["community", "communities"], "community", "Community"),
    (&["microblog"], "microblog", "Microblog"),
    (&["flickr"], "flickr", "Flickr"),
    (&["slideshare"], "slideshare", "SlideShare"),
    (&["tiktok"], "tiktok", "TikTok"),
    (&["mastodon"], "mastodon", "Mastodon"),
    (&["wiki"], "wiki", "Wiki"),
];

/// The group key of a platform name: the known platform's key, else the trimmed name in ASCII
/// lower case (no Unicode case tables: they cost 25 KB of wasm).
pub fn key(name: &str) -> String {
    let lower = name.trim().to_ascii_lowercase();
    match KNOWN.iter().find(|(names, _, _)| names.contains(&lower.as_str())) {
        Some((_, key, _)) => (*key).to_owned(),
        None => lower,
    }
}

/// The display label of a platform key: the known platform's label, else `fallback` (the name as
/// first written in the dataset).
pub fn label<'a>(key: &str, fallback: &'a str) -> &'a str
where
    'static: 'a,
{
    KNOWN.iter().find(|(_, k, _)| *k == key).map(|(_, _, label)| *label).unwrap_or(fallback)
}
