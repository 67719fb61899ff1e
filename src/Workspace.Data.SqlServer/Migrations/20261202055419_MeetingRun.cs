using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MeetingRun : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CurrentItemId",
                table: "Meetings",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CurrentItemSince",
                table: "Meetings",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EndedAt",
                table: "Meetings",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StartedAt",
                table: "Meetings",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ArrivedAt",
                table: "Attendances",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "Attendances",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeftAt",
                table: "Attendances",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TimerExtraMinutes",
                table: "AgendaItems",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "TimerStartedAt",
                table: "AgendaItems",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TimerUsedSeconds",
                table: "AgendaItems",
                type: "int",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CurrentItemId",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "CurrentItemSince",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "StartedAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "ArrivedAt",
                table: "Attendances");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Attendances");

            migrationBuilder.DropColumn(
                name: "LeftAt",
                table: "Attendances");

            migrationBuilder.DropColumn(
                name: "TimerExtraMinutes",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "TimerStartedAt",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "TimerUsedSeconds",
                table: "AgendaItems");
        }
    }
}
