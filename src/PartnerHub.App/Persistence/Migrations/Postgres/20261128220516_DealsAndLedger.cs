using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnerHub.App.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DealsAndLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customers",
                columns: table => new
                {
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: true),
                    registrable_domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: true),
                    name_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_skeleton = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers", x => x.reference);
                });

            migrationBuilder.CreateTable(
                name: "deal_registrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    external_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    customer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    customer_name_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    customer_name_skeleton = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    customer_domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    customer_registrable_domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    product = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    expected_close_on = table.Column<DateOnly>(type: "date", nullable: false),
                    notes = table.Column<string>(type: "text", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    protected_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    extension_pending_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision_reason = table.Column<string>(type: "text", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    extension_requests = table.Column<string>(type: "text", nullable: false),
                    history = table.Column<string>(type: "text", nullable: false),
                    contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    estimated_value_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    estimated_value_minor = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deal_registrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_deal_registrations_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_transactions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    posted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    relates_to = table.Column<Guid>(type: "uuid", nullable: true),
                    external_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_transactions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payout_batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    minimum_minor = table.Column<long>(type: "bigint", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    total_minor = table.Column<long>(type: "bigint", nullable: false),
                    line_count = table.Column<int>(type: "integer", nullable: false),
                    carried_forward = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    exported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: true),
                    paid_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    external_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payout_batches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "statements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    opening_held_minor = table.Column<long>(type: "bigint", nullable: false),
                    opening_payable_minor = table.Column<long>(type: "bigint", nullable: false),
                    opening_receivable_minor = table.Column<long>(type: "bigint", nullable: false),
                    closing_held_minor = table.Column<long>(type: "bigint", nullable: false),
                    closing_payable_minor = table.Column<long>(type: "bigint", nullable: false),
                    closing_receivable_minor = table.Column<long>(type: "bigint", nullable: false),
                    line_count = table.Column<int>(type: "integer", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statements", x => x.id);
                    table.ForeignKey(
                        name: "fk_statements_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                columns: table => new
                {
                    transaction_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_no = table.Column<int>(type: "integer", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    posted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    account = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    basis_revenue_model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    basis_base_minor = table.Column<long>(type: "bigint", nullable: true),
                    basis_percent = table.Column<decimal>(type: "numeric(12,6)", precision: 12, scale: 6, nullable: true),
                    basis_flat_minor = table.Column<long>(type: "bigint", nullable: true),
                    basis_tier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    basis_program_version = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    basis_explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_entries", x => new { x.transaction_id, x.line_no });
                    table.ForeignKey(
                        name: "fk_ledger_entries_ledger_transactions_transaction_id",
                        column: x => x.transaction_id,
                        principalTable: "ledger_transactions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ledger_entries_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payout_lines",
                columns: table => new
                {
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    explanation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payout_lines", x => new { x.batch_id, x.partner_id });
                    table.ForeignKey(
                        name: "fk_payout_lines_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payout_lines_payout_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "payout_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "statement_lines",
                columns: table => new
                {
                    statement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_no = table.Column<int>(type: "integer", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    transaction_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    account = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    basis_revenue_model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    basis_base_minor = table.Column<long>(type: "bigint", nullable: true),
                    basis_percent = table.Column<decimal>(type: "numeric(12,6)", precision: 12, scale: 6, nullable: true),
                    basis_flat_minor = table.Column<long>(type: "bigint", nullable: true),
                    basis_tier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    basis_program_version = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    basis_explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statement_lines", x => new { x.statement_id, x.line_no });
                    table.ForeignKey(
                        name: "fk_statement_lines_ledger_transactions_transaction_id",
                        column: x => x.transaction_id,
                        principalTable: "ledger_transactions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_statement_lines_statements_statement_id",
                        column: x => x.statement_id,
                        principalTable: "statements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customers_name_key",
                table: "customers",
                column: "name_key");

            migrationBuilder.CreateIndex(
                name: "ix_customers_name_skeleton",
                table: "customers",
                column: "name_skeleton");

            migrationBuilder.CreateIndex(
                name: "ix_customers_registrable_domain",
                table: "customers",
                column: "registrable_domain");

            migrationBuilder.CreateIndex(
                name: "ix_customers_updated_at",
                table: "customers",
                column: "updated_at");

            migrationBuilder.CreateIndex(
                name: "ix_deal_registrations_customer_name_key",
                table: "deal_registrations",
                column: "customer_name_key",
                filter: "status IN ('Submitted', 'Approved')");

            migrationBuilder.CreateIndex(
                name: "ix_deal_registrations_customer_name_skeleton",
                table: "deal_registrations",
                column: "customer_name_skeleton",
                filter: "status IN ('Submitted', 'Approved')");

            migrationBuilder.CreateIndex(
                name: "ix_deal_registrations_customer_registrable_domain",
                table: "deal_registrations",
                column: "customer_registrable_domain",
                filter: "status IN ('Submitted', 'Approved')");

            migrationBuilder.CreateIndex(
                name: "ix_deal_registrations_extension_pending_since",
                table: "deal_registrations",
                column: "extension_pending_since",
                filter: "extension_pending_since IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_deal_registrations_partner_id_external_id",
                table: "deal_registrations",
                columns: new[] { "partner_id", "external_id" },
                unique: true,
                filter: "external_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_deal_registrations_partner_id_status_submitted_at",
                table: "deal_registrations",
                columns: new[] { "partner_id", "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_deal_registrations_protected_until",
                table: "deal_registrations",
                column: "protected_until",
                filter: "status = 'Approved'");

            migrationBuilder.CreateIndex(
                name: "ix_deal_registrations_status_submitted_at",
                table: "deal_registrations",
                columns: new[] { "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_deal_registrations_updated_at",
                table: "deal_registrations",
                column: "updated_at");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_account_currency_occurred_on",
                table: "ledger_entries",
                columns: new[] { "account", "currency", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_partner_id_currency_occurred_on",
                table: "ledger_entries",
                columns: new[] { "partner_id", "currency", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_transactions_kind_occurred_on",
                table: "ledger_transactions",
                columns: new[] { "kind", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_transactions_occurred_on_posted_at",
                table: "ledger_transactions",
                columns: new[] { "occurred_on", "posted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_transactions_relates_to",
                table: "ledger_transactions",
                column: "relates_to");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_transactions_source_key",
                table: "ledger_transactions",
                column: "source_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payout_batches_created_at",
                table: "payout_batches",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_payout_batches_one_open_per_currency",
                table: "payout_batches",
                column: "currency",
                unique: true,
                filter: "status <> 'Paid'");

            migrationBuilder.CreateIndex(
                name: "ix_payout_lines_partner_id",
                table: "payout_lines",
                column: "partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_statement_lines_partner_id_transaction_id",
                table: "statement_lines",
                columns: new[] { "partner_id", "transaction_id" });

            migrationBuilder.CreateIndex(
                name: "ix_statement_lines_transaction_id",
                table: "statement_lines",
                column: "transaction_id");

            migrationBuilder.CreateIndex(
                name: "ix_statements_partner_id_period_currency_sequence",
                table: "statements",
                columns: new[] { "partner_id", "period", "currency", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_statements_period_partner_id",
                table: "statements",
                columns: new[] { "period", "partner_id" });

            // Append-only in the database itself: ledger, issued statements and the audit trail refuse UPDATE, DELETE
            // and TRUNCATE whatever the client.
            migrationBuilder.Sql("""
                CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ledger_transactions_no_update BEFORE UPDATE ON ledger_transactions FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
                CREATE TRIGGER ledger_transactions_no_delete BEFORE DELETE ON ledger_transactions FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
                CREATE TRIGGER ledger_transactions_no_truncate BEFORE TRUNCATE ON ledger_transactions FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
                CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
                CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER statements_no_update BEFORE UPDATE ON statements FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
                CREATE TRIGGER statements_no_delete BEFORE DELETE ON statements FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
                CREATE TRIGGER statements_no_truncate BEFORE TRUNCATE ON statements FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER statement_lines_no_update BEFORE UPDATE ON statement_lines FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
                CREATE TRIGGER statement_lines_no_delete BEFORE DELETE ON statement_lines FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
                CREATE TRIGGER statement_lines_no_truncate BEFORE TRUNCATE ON statement_lines FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
                CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ledger_transactions_no_update ON ledger_transactions; DROP TRIGGER IF EXISTS ledger_transactions_no_delete ON ledger_transactions; DROP TRIGGER IF EXISTS ledger_transactions_no_truncate ON ledger_transactions;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ledger_entries_no_update ON ledger_entries; DROP TRIGGER IF EXISTS ledger_entries_no_delete ON ledger_entries; DROP TRIGGER IF EXISTS ledger_entries_no_truncate ON ledger_entries;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS statements_no_update ON statements; DROP TRIGGER IF EXISTS statements_no_delete ON statements; DROP TRIGGER IF EXISTS statements_no_truncate ON statements;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS statement_lines_no_update ON statement_lines; DROP TRIGGER IF EXISTS statement_lines_no_delete ON statement_lines; DROP TRIGGER IF EXISTS statement_lines_no_truncate ON statement_lines;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_no_update ON audit_entries; DROP TRIGGER IF EXISTS audit_entries_no_delete ON audit_entries; DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS refuse_append_only_change();");

            migrationBuilder.DropTable(
                name: "customers");

            migrationBuilder.DropTable(
                name: "deal_registrations");

            migrationBuilder.DropTable(
                name: "ledger_entries");

            migrationBuilder.DropTable(
                name: "payout_lines");

            migrationBuilder.DropTable(
                name: "statement_lines");

            migrationBuilder.DropTable(
                name: "payout_batches");

            migrationBuilder.DropTable(
                name: "ledger_transactions");

            migrationBuilder.DropTable(
                name: "statements");
        }
    }
}
