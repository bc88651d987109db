// A member's own record: how much they answered, how well they matched gold, how sure they were,
// and what recognition they earned. Quality, not volume, is what it leads with.
import type { Context } from '../core/context.js';
import { answerSchema, type Answer } from '../tasks/index.js';

export interface Profile {
  answers: number;
  goldAnswered: number;
  goldAgreement: number | null;
  meanConfidence: number | null;
  medianSeconds: number | null;
  reviewsPassed: number;
  reviewsFailed: number;
  badges: string[];
  batches: Array<{ name: string; answered: number }>;
}

function jaccard(left: string[], right: string[]): number {
  const union = new Set([...left, ...right]);
  if (union.size === 0) return 1;
  const shared = left.filter((label) => right.includes(label)).length;
  return shared / union.size;
}

/** Agreement in [0, 1] between an answer and the gold answer of its item. */
export function goldAgreement(answer: Answer, gold: Answer): number {
  const parts: number[] = [];
  if (gold.choice !== undefined) {
    const sameOrder = JSON.stringify(answer.order ?? []) === JSON.stringify(gold.order ?? []);
    parts.push(answer.choice === gold.choice && (gold.choice !== 'ranked' || sameOrder) ? 1 : 0);
  }
  if (gold.labels.length > 0 || answer.labels.length > 0)
    parts.push(jaccard(answer.labels, gold.labels));
  if (gold.severity !== undefined) {
    parts.push(1 - Math.min(1, Math.abs((answer.severity ?? 0) - gold.severity) / 3));
  }
  if (parts.length === 0) return 1;
  return parts.reduce((sum, part) => sum + part, 0) / parts.length;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}

export async function memberProfile(ctx: Context, memberId: string): Promise<Profile> {
  const responses = await ctx.prisma.response.findMany({
    where: { memberId, supersededBy: null },
    select: {
      answer: true,
      confidence: true,
      durationMs: true,
      item: { select: { isGold: true, goldAnswer: true, batch: { select: { name: true } } } },
      reviews: { select: { passed: true } },
    },
  });
  const badges = await ctx.prisma.badgeAward.findMany({
    where: { memberId },
    select: { badge: true },
  });

  const gold = responses.filter(
    (response) => response.item.isGold && response.item.goldAnswer !== null,
  );
  const scores = gold.map((response) =>
    goldAgreement(
      answerSchema.parse(response.answer),
      answerSchema.parse(response.item.goldAnswer),
    ),
  );
  const reviews = responses.flatMap((response) => response.reviews);
  const perBatch = new Map<string, number>();
  for (const response of responses) {
    const name = response.item.batch.name;
    perBatch.set(name, (perBatch.get(name) ?? 0) + 1);
  }
  const mean = (values: number[]) =>
    values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
  const seconds = median(responses.map((response) => response.durationMs / 1000));

  return {
    answers: responses.length,
    goldAnswered: gold.length,
    goldAgreement: mean(scores),
    meanConfidence: mean(responses.map((response) => response.confidence)),
    medianSeconds: seconds,
    reviewsPassed: reviews.filter((review) => review.passed).length,
    reviewsFailed: reviews.filter((review) => !review.passed).length,
    badges: badges.map((award) => award.badge),
    batches: [...perBatch].map(([name, answered]) => ({ name, answered })),
  };
}
