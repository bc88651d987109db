-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('slack', 'discord', 'console');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('annotator', 'lead', 'admin');

-- CreateEnum
CREATE TYPE "Tier" AS ENUM ('standard', 'advanced', 'domain_expert');

-- CreateEnum
CREATE TYPE "TaskType" AS ENUM ('ranking', 'error_tagging', 'writing', 'safety_review', 'classification');

-- CreateEnum
CREATE TYPE "BatchState" AS ENUM ('draft', 'active', 'paused', 'closed');

-- CreateEnum
CREATE TYPE "AssignmentState" AS ENUM ('offered', 'submitted', 'skipped', 'expired');

-- CreateTable
CREATE TABLE "Workspace" (
    "id" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "digestChannel" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "externalId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'annotator',
    "tier" "Tier" NOT NULL DEFAULT 'standard',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rubric" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rubric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RubricVersion" (
    "id" UUID NOT NULL,
    "rubricId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "criteria" JSONB NOT NULL,
    "labels" JSONB NOT NULL,
    "severityScale" JSONB NOT NULL,
    "policy" TEXT NOT NULL DEFAULT '',
    "minRationaleLength" INTEGER NOT NULL DEFAULT 20,
    "minTextLength" INTEGER NOT NULL DEFAULT 40,
    "checkModes" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RubricVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Batch" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "task" "TaskType" NOT NULL,
    "rubricVersionId" UUID NOT NULL,
    "redundancy" INTEGER NOT NULL,
    "goldRate" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "leaseSeconds" INTEGER NOT NULL DEFAULT 1800,
    "state" "BatchState" NOT NULL DEFAULT 'draft',
    "openToAll" BOOLEAN NOT NULL DEFAULT false,
    "guidelines" TEXT NOT NULL DEFAULT '',
    "channelId" TEXT,
    "dueAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BatchAssignee" (
    "batchId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BatchAssignee_pkey" PRIMARY KEY ("batchId","memberId")
);

-- CreateTable
CREATE TABLE "Item" (
    "id" UUID NOT NULL,
    "batchId" UUID NOT NULL,
    "externalId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "input" TEXT NOT NULL,
    "responses" JSONB NOT NULL DEFAULT '[]',
    "context" TEXT,
    "isGold" BOOLEAN NOT NULL DEFAULT false,
    "goldAnswer" JSONB,
    "liveCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" UUID NOT NULL,
    "batchId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "state" "AssignmentState" NOT NULL DEFAULT 'offered',
    "draft" JSONB NOT NULL DEFAULT '{}',
    "offeredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseExpiresAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Response" (
    "id" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "rubricVersionId" UUID NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "supersedesId" UUID,
    "answer" JSONB NOT NULL,
    "labels" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "severity" INTEGER,
    "rationale" JSONB NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "checks" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" UUID NOT NULL,
    "responseId" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "verdicts" JSONB NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BadgeAward" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "badge" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "awardedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BadgeAward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestRun" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "day" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "summary" JSONB NOT NULL DEFAULT '{}',
    "postedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" UUID,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_platform_externalId_key" ON "Workspace"("platform", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Member_workspaceId_externalId_key" ON "Member"("workspaceId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Rubric_workspaceId_name_key" ON "Rubric"("workspaceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "RubricVersion_rubricId_version_key" ON "RubricVersion"("rubricId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Batch_workspaceId_name_key" ON "Batch"("workspaceId", "name");

-- CreateIndex
CREATE INDEX "Item_batchId_isGold_position_idx" ON "Item"("batchId", "isGold", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Item_batchId_externalId_key" ON "Item"("batchId", "externalId");

-- CreateIndex
CREATE INDEX "Assignment_batchId_memberId_state_idx" ON "Assignment"("batchId", "memberId", "state");

-- CreateIndex
CREATE INDEX "Assignment_state_leaseExpiresAt_idx" ON "Assignment"("state", "leaseExpiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_itemId_memberId_key" ON "Assignment"("itemId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "Response_supersedesId_key" ON "Response"("supersedesId");

-- CreateIndex
CREATE INDEX "Response_memberId_createdAt_idx" ON "Response"("memberId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Response_assignmentId_revision_key" ON "Response"("assignmentId", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "BadgeAward_memberId_badge_key" ON "BadgeAward"("memberId", "badge");

-- CreateIndex
CREATE UNIQUE INDEX "DigestRun_workspaceId_day_key" ON "DigestRun"("workspaceId", "day");

-- CreateIndex
CREATE INDEX "Event_subjectType_subjectId_idx" ON "Event"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "Event_workspaceId_createdAt_idx" ON "Event"("workspaceId", "createdAt");

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rubric" ADD CONSTRAINT "Rubric_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RubricVersion" ADD CONSTRAINT "RubricVersion_rubricId_fkey" FOREIGN KEY ("rubricId") REFERENCES "Rubric"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Batch" ADD CONSTRAINT "Batch_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Batch" ADD CONSTRAINT "Batch_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BatchAssignee" ADD CONSTRAINT "BatchAssignee_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BatchAssignee" ADD CONSTRAINT "BatchAssignee_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Response"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BadgeAward" ADD CONSTRAINT "BadgeAward_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestRun" ADD CONSTRAINT "DigestRun_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
