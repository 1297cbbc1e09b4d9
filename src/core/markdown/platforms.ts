const PLATFORMS: [RegExp, string][] = [
  [/(^|\.)coursera\.org$/, 'Coursera'],
  [/(^|\.)edx\.org$/, 'edX'],
  [/(^|\.)udemy\.com$/, 'Udemy'],
  [/(^|\.)udacity\.com$/, 'Udacity'],
  [/(^|\.)deeplearning\.ai$/, 'DeepLearning.AI'],
  [/(^|\.)huggingface\.co$/, 'Hugging Face'],
  [/(^|\.)fast\.ai$/, 'fast.ai'],
  [/(^|\.)kaggle\.com$/, 'Kaggle'],
  [/(^|\.)youtube\.com$|(^|\.)youtu\.be$/, 'YouTube'],
  [/(^|\.)learn\.microsoft\.com$/, 'Microsoft Learn'],
  [/(^|\.)cloudskillsboost\.google$/, 'Google Cloud Skills Boost'],
  [/(^|\.)nvidia\.com$/, 'NVIDIA'],
  [/(^|\.)aws\.amazon\.com$/, 'AWS'],
  [/(^|\.)cloud\.google\.com$/, 'Google Cloud'],
  [/(^|\.)tensorflow\.org$/, 'TensorFlow'],
  [/(^|\.)github\.com$/, 'GitHub'],
  [/(^|\.)stanford\.edu$/, 'Stanford'],
  [/(^|\.)mit\.edu$/, 'MIT'],
  [/(^|\.)datacamp\.com$/, 'DataCamp'],
  [/(^|\.)linkedin\.com$/, 'LinkedIn Learning'],
  [/(^|\.)pluralsight\.com$/, 'Pluralsight'],
];

/** The learning platform behind a course URL ("https://www.coursera.org/learn/x" -> "Coursera"), if known. */
export function platformOf(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
  for (const [pattern, name] of PLATFORMS) if (pattern.test(host)) return name;
  return undefined;
}

/** A platform named in prose, e.g. the "(Coursera)" of "Deep Learning Specialization (Coursera)". */
export function platformNamed(text: string): string | undefined {
  const wanted = text.trim().toLowerCase();
  if (wanted === '') return undefined;
  return PLATFORMS.map(([, name]) => name).find((name) => name.toLowerCase() === wanted);
}
