-- CreateIndex
CREATE INDEX "Item_batchId_isGold_liveCount_position_idx" ON "Item"("batchId", "isGold", "liveCount" DESC, "position");

